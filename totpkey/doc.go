// Package totpkey tells whether a piece of text is a usable TOTP Key (the
// base32 secret behind an authenticator app), and if not, what it is and how
// to fix it.
//
// The core is [Classify]: it looks at whatever a person pasted into a
// "TOTP Key" field and returns a [Result] that says what the input is
// ([ClassValid], [ClassCode] or [ClassMalformed]), what was wrong with it
// ([Problem], with 1-based positions and look-alike suggestions), what
// cleaning turned it into the key to paste ([Changes]) and which help topic
// holds the fix.
//
// The package never prints. Everything it returns that could carry a secret
// ([Result.Key]) is left to the caller to mask; [Mask] does that the way the
// totpkey command does.
package totpkey
