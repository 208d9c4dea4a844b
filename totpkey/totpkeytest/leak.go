// Package totpkeytest holds helpers for the tests of programs built on
// totpkey, as net/http/httptest does for HTTP: it measures how much of a
// secret shows in text, for the
// tests that hold totpkey's output to the rule that no more than 4
// characters of a TOTP key may show.
package totpkeytest

import "strings"

// LongestSharedRun is the length in bytes of the longest substring of
// secret that appears anywhere in text: 0 when no byte of secret does, and
// len(secret) when the whole secret does.
func LongestSharedRun(text, secret string) int {
	best := 0
	for i := range secret {
		for j := i + best + 1; j <= len(secret); j++ {
			if !strings.Contains(text, secret[i:j]) {
				break
			}
			best = j - i
		}
	}
	return best
}
