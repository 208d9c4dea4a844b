package reply

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTicketFactsLine(t *testing.T) {
	tests := []struct {
		line        string
		Broker      string
		Did         string
		Credentials []credentialKind
		accounts    []string
		rejected    bool
	}{
		{line: "Dhan pe subah se Invalid TOTP", Broker: "dhan", rejected: true},
		{line: "my angel one a/c no. A123456 shows wrong totp", Broker: "angelone", accounts: []string{"client id A123456"}, rejected: true},
		{line: "I disabled and enabled TOTP, new key bhi daala", Did: "reset new-key"},
		{line: "maine disable karke dubara enable kiya", Did: "reset"},
		{line: "broker pe sirf QR aa raha hai", Did: "only-qr"},
		{line: "already saved it with Validate & Save", Did: "saved"},
		{line: "password: Tr@de2026 and PAN ABCDE1234F", Credentials: []credentialKind{credPassword, credPAN}},
		{line: "pass- hunter22", Credentials: []credentialKind{credPassword}},
		{line: "api_key = k8s7d6f5 api_secret=abcd1234efgh", Credentials: []credentialKind{credAPIKey, credAPISecret}},
		{line: "MPIN 4471", Credentials: []credentialKind{credPIN}},
		{line: "DOB: 01/02/1990", Credentials: []credentialKind{credDateOfBirth}},
		// Words about a credential, with no value, are no credential.
		{line: "I did a password reset yesterday"},
		{line: "my password is correct, and PAN card is linked"},
		{line: "the pin code of my city"},
		{line: "passed the check, pinned it"},
		// Accounts: by client id, by owner, both on one line.
		{line: "Wife's account client id CD5678 fails", accounts: []string{"your wife's account (client id CD5678)"}},
		{line: "Ramesh's account is fine", accounts: []string{"Ramesh's account"}},
		{line: "account is not working"},
		// A key after "id" is not an account label.
		{line: "TOTP id JBSWY3DPEHPK3PXP"},
		// Nor is a group of a key that starts with the letters ID: the
		// reply would name "client id 3AST", four more characters of the key.
		{line: "My key is LXAYR2-5W3DHY-ZVECLM-IO6B2I-WURV57-HVXJAW-6HFHY5-ID3AST-3AQU thanks"},
		{line: "client id: AB1234 and ucc 55123", accounts: []string{"client id AB1234", "client id 55123"}},
		// Brokers as whole words only.
		{line: "kitec and dhanush are not brokers"},
		{line: "Zerodha (Kite) account", Broker: "zerodha"},
		{line: "ICICI Direct breeze", Broker: "icicidirect"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			var f TicketFacts
			f.AddLine(1, []byte(tt.line))
			if got := f.Broker(); got != tt.Broker {
				t.Errorf("broker %q, want %q", got, tt.Broker)
			}
			if got := f.Did.String(); got != tt.Did {
				t.Errorf("did %q, want %q", got, tt.Did)
			}
			if !slices.Equal(f.Credentials, tt.Credentials) {
				t.Errorf("credentials %v, want %v", f.Credentials, tt.Credentials)
			}
			if got := f.DistinctAccounts(); !slices.Equal(got, tt.accounts) {
				t.Errorf("accounts %q, want %q", got, tt.accounts)
			}
			if f.rejected != tt.rejected {
				t.Errorf("rejected %v, want %v", f.rejected, tt.rejected)
			}
		})
	}
}

// TestTicketFactsAccountOfFinding: a finding belongs to the account named
// on its line, else the one named last before it.
func TestTicketFactsAccountOfFinding(t *testing.T) {
	f := FactsOf("hello\nclient id AB1234\nkey X\nwife's account\n\ncode Y\n")
	for line, want := range map[int]string{1: "", 2: "client id AB1234", 3: "client id AB1234", 4: "your wife's account", 6: "your wife's account"} {
		if got := f.accountFor(line); got != want {
			t.Errorf("accountFor(%d) = %q, want %q", line, got, want)
		}
	}
}

// FuzzTicketFacts reads any line: no panic, credential values that are
// substrings of the line, bounded accounts, valid UTF-8 labels from valid
// UTF-8 input.
func FuzzTicketFacts(f *testing.F) {
	for _, s := range []string{"password: Tr@de2026 PAN ABCDE1234F", "İİİ password: x1y2", "Wife's account client id CD5678",
		"dhan sirf qr", "pass:", "api key=", "ID 1A2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		var facts TicketFacts
		for i := range maxTicketAccounts + 2 {
			facts.AddLine(i+1, []byte(line))
		}
		lower := strings.ToLower(line)
		for v := range facts.CredentialValues {
			if !strings.Contains(line, v) && !strings.Contains(lower, v) {
				t.Fatalf("credential value %q is not in the line", v)
			}
		}
		if len(facts.accounts) > maxTicketAccounts {
			t.Fatalf("%d accounts kept", len(facts.accounts))
		}
		if utf8.ValidString(line) {
			for _, a := range facts.accounts {
				if !utf8.ValidString(a.label) {
					t.Fatalf("label %q is not valid UTF-8", a.label)
				}
			}
		}
	})
}
