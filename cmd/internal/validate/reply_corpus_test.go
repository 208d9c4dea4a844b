package validate

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/reply"
	"github.com/totpkey/totpkey/totpkey/scan"
)

// updateReplies rewrites the golden replies of the ticket corpus:
// go test ./cmd/internal/validate -run TestTicketCorpus -update-replies
var updateReplies = flag.Bool("update-replies", false, "rewrite the golden replies in testdata/tickets")

// Word limits of a reply: a typical one stays under typicalReplyWords, none
// goes over maxReplyWords. A ticket's expect section may set its own limit
// (maxwords) up to maxReplyWords.
const (
	typicalReplyWords = 200
	maxReplyWords     = 260
)

// TestTicketCorpus answers the tickets in testdata/tickets (written as
// traders write them: Hinglish, forwarded mail, WhatsApp exports, two
// accounts, credentials in the message) with validate --scan --reply and
// checks each reply against what the ticket expects: its findings, the
// facts read from the ticket, phrases it must and must not have, its
// length, the article's labels, no secret of more than 4 characters, and
// the golden reply (reviewed for tone).
func TestTicketCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/tickets/*.txtar")
	if err != nil || len(files) < 30 {
		t.Fatalf("%d tickets in testdata/tickets, want 30 or more (%v)", len(files), err)
	}
	typical := 0
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ticket, expect, golden := section(ar, "ticket"), section(ar, "expect"), section(ar, "reply")
			answer, code := answerTicket(t, ticket)
			limit := checkReply(t, ticket, expect, answer, code)
			if n := len(strings.Fields(answer)); n <= typicalReplyWords {
				typical++
			} else if limit <= typicalReplyWords {
				t.Errorf("reply has %d words, over the %d of a typical reply", n, typicalReplyWords)
			}
			if *updateReplies {
				setSection(ar, "reply", answer)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if answer != golden {
				t.Errorf("reply differs from the golden one (run with -update-replies and review):\n%s", answer)
			}
		})
	}
	if typical*4 < len(files)*3 {
		t.Errorf("only %d of %d replies are under %d words: a typical reply should be", typical, len(files), typicalReplyWords)
	}
}

// answerTicket runs validate --scan --reply on a ticket.
func answerTicket(t *testing.T, ticket string) (answer string, code int) {
	t.Helper()
	s, out, errOut := iostreams.Test(ticket, false)
	err := runValidate(&ValidateOptions{IO: s, Scan: true, Reply: true, Output: "text"})
	code = cmdutil.Report(errOut, err)
	if errOut.Len() > 0 {
		t.Errorf("stderr: %s", errOut)
	}
	return out.String(), code
}

// checkReply checks a reply against the ticket's expect lines and the
// rules every reply keeps; it returns the reply's word limit.
func checkReply(t *testing.T, ticket, expect, answer string, code int) int {
	t.Helper()
	findings := scan.Scan(ticket)
	facts := reply.FactsOf(ticket)
	limit := typicalReplyWords
	for _, line := range strings.Split(strings.TrimSpace(expect), "\n") {
		key, value, _ := strings.Cut(line, " ")
		switch key {
		case "exit":
			if want, _ := strconv.Atoi(value); code != want {
				t.Errorf("exit %d, want %d", code, want)
			}
		case "findings":
			if got := findingsSummary(findings); got != value {
				t.Errorf("findings %q, want %q", got, value)
			}
		case "broker":
			if got := facts.Broker(); got != value {
				t.Errorf("broker %q, want %q", got, value)
			}
		case "did":
			if got := facts.Did.String(); got != value {
				t.Errorf("did %q, want %q", got, value)
			}
		case "credentials":
			var got []string
			for _, c := range facts.Credentials {
				got = append(got, string(c))
			}
			if strings.Join(got, " ") != value {
				t.Errorf("credentials %q, want %q", strings.Join(got, " "), value)
			}
		case "accounts":
			if got := strings.Join(facts.DistinctAccounts(), " | "); got != value {
				t.Errorf("accounts %q, want %q", got, value)
			}
		case "must":
			if !strings.Contains(unwrap(answer), value) {
				t.Errorf("reply lacks %q", value)
			}
		case "mustnot":
			if strings.Contains(unwrap(answer), value) {
				t.Errorf("reply has %q", value)
			}
		case "maxwords":
			limit, _ = strconv.Atoi(value)
		default:
			t.Fatalf("unknown expect line %q", line)
		}
	}
	if limit > maxReplyWords {
		t.Fatalf("maxwords %d is over the limit of every reply, %d", limit, maxReplyWords)
	}
	if n := len(strings.Fields(answer)); n > limit {
		t.Errorf("reply has %d words, more than %d", n, limit)
	}
	checkReplyRules(t, answer, findings, &facts)
	return limit
}

// checkReplyRules are the rules of every reply: the article's labels as
// written, no internal triage wording, no secret of more than 4
// characters, no credential repeated.
func checkReplyRules(t *testing.T, answer string, findings []scan.Finding, facts *reply.TicketFacts) {
	t.Helper()
	flat := unwrap(answer)
	for _, wrong := range []string{"Accounts > Trading", "Accounts→", "edit icon", "Edit icon", "Validate and Save",
		"Validate & save", "green Help", "We could not find", "line 1", "finding", "triage"} {
		if strings.Contains(flat, wrong) {
			t.Errorf("reply has %q", wrong)
		}
	}
	if strings.Contains(flat, "Trading Accounts") && !strings.Contains(flat, "Accounts -> Trading Accounts") {
		t.Errorf("reply names Trading Accounts without the article's menu path")
	}
	if !strings.HasPrefix(answer, "Hello,\n\n") || !strings.HasSuffix(answer, "Kind regards,\nSupport\n") {
		t.Errorf("reply does not open and close as a letter")
	}
	for i := range findings {
		f := &findings[i]
		for _, secret := range []string{f.Result.Key, keyCharacters(f)} {
			for j := 0; j+5 <= len(secret); j++ {
				if strings.Contains(answer, secret[j:j+5]) {
					t.Errorf("reply has %q, 5 characters of a secret", secret[j:j+5])
					break
				}
			}
		}
	}
	for v := range facts.CredentialValues {
		if strings.Contains(answer, v) {
			t.Errorf("reply repeats a credential (%d characters)", len(v))
		}
	}
}

// keyCharacters is the letters and digits of a key or link finding as
// written, upper case: a key in groups is a secret too.
func keyCharacters(f *scan.Finding) string {
	if f.Kind == scan.FindingErrorMessage || f.Kind == scan.FindingCode {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return -1
	}, f.Text)
}

// findingsSummary is the findings as an expect line has them:
// "key/valid code/code error-message:invalid-totp".
func findingsSummary(findings []scan.Finding) string {
	var parts []string
	for _, f := range findings {
		if f.Kind == scan.FindingErrorMessage {
			parts = append(parts, string(f.Kind)+":"+f.Result.Topic)
			continue
		}
		parts = append(parts, string(f.Kind)+"/"+string(f.Result.Class))
	}
	return strings.Join(parts, " ")
}

// unwrap joins a reply's wrapped lines, so that a phrase is found across a
// line break.
func unwrap(text string) string {
	return strings.Join(strings.Fields(text), " ")
}

func section(ar *txtar.Archive, name string) string {
	i := slices.IndexFunc(ar.Files, func(f txtar.File) bool { return f.Name == name })
	if i < 0 {
		return ""
	}
	return string(ar.Files[i].Data)
}

func setSection(ar *txtar.Archive, name, data string) {
	i := slices.IndexFunc(ar.Files, func(f txtar.File) bool { return f.Name == name })
	if i < 0 {
		ar.Files = append(ar.Files, txtar.File{Name: name})
		i = len(ar.Files) - 1
	}
	ar.Files[i].Data = []byte(data)
}
