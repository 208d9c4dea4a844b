package docs

import (
	"bufio"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey"
)

// articlePath is the help article the topics take their UI labels from. It
// lives in the shared folder beside the repository.
const articlePath = "../../shared/seed/failed-to-generate-totp.txt"

// contractPath is the product contract with the reason id tables.
const contractPath = "../../shared/CONTRACT.md"

// reasonSource declares the library's ReasonID constants. The test reads it
// as text rather than importing the package, so that the topics can be
// tested while the library is being changed.
const reasonSource = "../totpkey/reason.go"

func TestTopicsAreValid(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	all := All()
	if len(all) < 19 {
		t.Fatalf("All() has %d topics, want the %d or more listed in the plan", len(all), 19)
	}
	if !slices.IsSortedFunc(all, func(a, b Topic) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("All() is not sorted by id")
	}
	for _, topic := range all {
		if !validTopicID(topic.ID) {
			t.Errorf("topic id %q is not lower-case-with-dashes", topic.ID)
		}
		if strings.TrimSpace(topic.Title) == "" || strings.TrimSpace(topic.Body) == "" {
			t.Errorf("topic %s has an empty title or body", topic.ID)
		}
		if len(topic.Blocks()) == 0 {
			t.Errorf("topic %s has no blocks", topic.ID)
		}
	}
}

// TestPlanTopicsExist checks the topic ids the classifier and the command
// emit, as fixed in the plan.
func TestPlanTopicsExist(t *testing.T) {
	for _, id := range []string{
		"cleaned-key", "edit-and-save", "key-vs-code", "broker-hides-key", "dhan",
		"failed-to-generate-totp", "invalid-totp", "code-mismatch", "recover-key",
	} {
		if topic, ok := Lookup(id); !ok || topic.ID != id {
			t.Errorf("Lookup(%q) = %q, %v; want topic %q", id, topic.ID, ok, id)
		}
	}
}

// TestEveryReasonIDResolves walks every reason id of the library and of
// the contract's tables: a problem id is its own topic, a change id is an
// alias of cleaned-key.
func TestEveryReasonIDResolves(t *testing.T) {
	want := make(map[string]string)
	libProblems, libChanges := libraryReasonIDs(t)
	for _, id := range libProblems {
		want[id] = id
	}
	for _, id := range libChanges {
		want[id] = "cleaned-key"
	}
	problems, changes := contractReasonIDs(t)
	for _, id := range problems {
		want[id] = id
	}
	for _, id := range changes {
		want[id] = "cleaned-key"
	}
	if len(want) < 21 {
		t.Fatalf("only %d reason ids found; the contract has 12 problems, 8 changes and code-mismatch", len(want))
	}
	for id, topicID := range want {
		r := Resolve(id)
		if !r.Found() || r.Best().ID != topicID {
			t.Errorf("Resolve(%q) = %q; want topic %q", id, r.Best().ID, topicID)
			continue
		}
		if by := r.Matches[0].By; by != ByID && by != ByAlias {
			t.Errorf("Resolve(%q) matched by %s; want by id or alias", id, by)
		}
	}
}

// TestEveryProblemHasAVerdict: the topic of every problem reason id of the
// library words it for the verdict line, the one place it is worded, with
// no colon (the verdict puts it after one).
func TestEveryProblemHasAVerdict(t *testing.T) {
	for _, id := range totpkey.ProblemIDs() {
		topic, ok := Lookup(string(id))
		switch {
		case !ok || topic.ID != string(id):
			t.Errorf("problem %q has no topic of its own", id)
		case topic.Verdict == "":
			t.Errorf("topic %q has no verdict", id)
		case strings.Contains(topic.Verdict, ":"):
			t.Errorf("the verdict of %q has a colon: %q", id, topic.Verdict)
		}
	}
}

// libraryReasonIDs reads the ReasonID constants of the library: problems
// are named Reason…, changes Change….
func libraryReasonIDs(t *testing.T) (problems, changes []string) {
	t.Helper()
	src, err := os.ReadFile(reasonSource)
	if err != nil {
		t.Fatalf("read the library's reason ids: %v", err)
	}
	decl := regexp.MustCompile(`(?m)^\s*(Reason|Change)\w+\s+ReasonID\s*=\s*"([a-z0-9-]+)"`)
	for _, m := range decl.FindAllStringSubmatch(string(src), -1) {
		if m[1] == "Reason" {
			problems = append(problems, m[2])
		} else {
			changes = append(changes, m[2])
		}
	}
	if len(problems) < 13 || len(changes) < 8 {
		t.Fatalf("read %d problem and %d change ids from %s; want at least 13 and 8", len(problems), len(changes), reasonSource)
	}
	return problems, changes
}

// contractReasonIDs reads the problem and change ids from the tables of
// CONTRACT.md, so a reason added to the contract is checked too.
func contractReasonIDs(t *testing.T) (problems, changes []string) {
	t.Helper()
	f, err := os.Open(contractPath)
	if err != nil {
		t.Logf("contract not found, checking the library's lists only: %v", err)
		return nil, nil
	}
	defer f.Close()
	row := regexp.MustCompile("^\\| `([a-z0-9-]+)` \\|")
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			section = ""
		case strings.HasPrefix(line, "Problems"):
			section = "problems"
		case strings.HasPrefix(line, "Changes"):
			section = "changes"
		}
		m := row.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		switch section {
		case "problems":
			problems = append(problems, m[1])
		case "changes":
			changes = append(changes, m[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(problems) == 0 || len(changes) == 0 {
		t.Fatalf("no reason ids read from %s: has its layout changed?", contractPath)
	}
	return problems, changes
}

// articleLabels are the UI labels and fixed phrases of the help article,
// copied byte for byte, and the topics that must carry them.
var articleLabels = []struct {
	label  string
	topics []string
}{
	{"Go to menu (Accounts -> Trading Accounts).", []string{"failed-to-generate-totp", "edit-and-save"}},
	{"Click the small EDIT icon next to your trading account’s client id or login id.", []string{"failed-to-generate-totp", "edit-and-save"}},
	{"Accounts -> Trading Accounts", []string{"failed-to-generate-totp", "edit-and-save", "invalid-totp", "one-time-code", "cleaned-key"}},
	{"EDIT icon", []string{"failed-to-generate-totp", "edit-and-save", "invalid-totp", "one-time-code", "cleaned-key"}},
	{"big green help button", []string{"failed-to-generate-totp", "edit-and-save", "one-time-code", "not-a-key"}},
	{"broker selection dropdown", []string{"failed-to-generate-totp", "edit-and-save", "one-time-code", "not-a-key"}},
	{"Validate & Save", []string{
		"failed-to-generate-totp", "edit-and-save", "broker-hides-key", "invalid-totp", "empty",
		"one-time-code", "invalid-character", "bad-length", "too-short", "bad-padding", "hex-key",
		"not-totp", "bad-uri", "pasted-twice", "not-a-key", "cleaned-key",
	}},
	{"Failed to generate TOTP", []string{"failed-to-generate-totp"}},
	{"Dhan login errors", []string{"failed-to-generate-totp", "dhan"}},
	{"AutoTrader Web", []string{"failed-to-generate-totp", "broker-hides-key", "invalid-totp", "edit-and-save"}},
	{"Google Authenticator", []string{"failed-to-generate-totp", "key-vs-code"}},
	{"Microsoft Authenticator", []string{"failed-to-generate-totp", "key-vs-code"}},
	{"Secret Key", []string{"failed-to-generate-totp", "key-vs-code"}},
	{"disable TOTP", []string{"failed-to-generate-totp", "broker-hides-key"}},
	{"Enable TOTP again.", []string{"failed-to-generate-totp", "broker-hides-key"}},
}

func TestArticleLabelsAreExact(t *testing.T) {
	article, err := os.ReadFile(articlePath)
	if err != nil {
		t.Logf("article not found, checking the topics only: %v", err)
	}
	for _, l := range articleLabels {
		if article != nil && !strings.Contains(string(article), l.label) {
			t.Errorf("label %q is not in the article: the test table is wrong", l.label)
		}
		for _, id := range l.topics {
			topic, ok := Lookup(id)
			if !ok {
				t.Errorf("topic %s is missing", id)
				continue
			}
			if !strings.Contains(topic.Title+"\n"+topic.Body, l.label) {
				t.Errorf("topic %s does not contain the article's label %q byte for byte", id, l.label)
			}
		}
	}
}

// labelVariants find every way of writing a label loosely; each such
// mention in a topic must be the article's exact form.
var labelVariants = []struct {
	loose *regexp.Regexp
	exact string
}{
	{regexp.MustCompile(`(?i)accounts\s*(?:->|→|—>|>|»|/|-|–)\s*trading\s+accounts`), "Accounts -> Trading Accounts"},
	{regexp.MustCompile(`(?i)validate\s*(?:&|&amp;|and|\+|/)\s*save`), "Validate & Save"},
	{regexp.MustCompile(`(?i)\bedit\s+icon`), "EDIT icon"},
	{regexp.MustCompile(`(?i)(?:big\s+)?green\s+help\s+button`), "big green help button"},
	{regexp.MustCompile(`(?i)broker\s+selection\s+drop[\s-]*down`), "broker selection dropdown"},
	{regexp.MustCompile(`(?i)trading\s+account\S?s\s+client\s+id`), "trading account’s client id"},
	{regexp.MustCompile(`(?i)\btotp[\s-]+key\b`), "TOTP Key"},
	{regexp.MustCompile(`(?i)dhan\s+login\s+errors`), "Dhan login errors"},
	{regexp.MustCompile(`(?i)failed\s+to\s+generate\s+totp`), "Failed to generate TOTP"},
}

func TestNoLooseLabels(t *testing.T) {
	for _, topic := range All() {
		text := topic.Title + "\n" + topic.Body
		for _, v := range labelVariants {
			for _, found := range v.loose.FindAllString(text, -1) {
				if found != v.exact {
					t.Errorf("topic %s writes %q; the article writes %q", topic.ID, found, v.exact)
				}
			}
		}
	}
}

// TestCurlyApostropheOnlyWhereArticleHasIt: the topics are in plain ASCII
// apostrophes, except inside the article's own words that use ’.
func TestCurlyApostropheOnlyWhereArticleHasIt(t *testing.T) {
	article, err := os.ReadFile(articlePath)
	if err != nil {
		t.Skipf("article not found: %v", err)
	}
	word := regexp.MustCompile(`[\pL\d]*’[\pL\d]*`)
	allowed := make(map[string]bool)
	for _, w := range word.FindAllString(string(article), -1) {
		allowed[w] = true
	}
	for _, topic := range All() {
		for _, w := range word.FindAllString(topic.Title+"\n"+topic.Body, -1) {
			if !allowed[w] {
				t.Errorf("topic %s has %q: the curly apostrophe belongs only to the article's words %v", topic.ID, w, keys(allowed))
			}
		}
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestCrossReferencesResolve: every "totpkey explain X" a topic mentions
// names a topic that exists.
func TestCrossReferencesResolve(t *testing.T) {
	ref := regexp.MustCompile(`totpkey explain ([a-z0-9-]+)`)
	n := 0
	for _, topic := range All() {
		for _, m := range ref.FindAllStringSubmatch(topic.Body, -1) {
			n++
			if target, ok := Lookup(m[1]); !ok || target.ID != m[1] {
				t.Errorf("topic %s refers to %q, which is not a topic id", topic.ID, m[0])
			}
		}
	}
	if n == 0 {
		t.Fatal("no cross references found; the pattern is wrong")
	}
}

// TestEveryErrorTextFindsItsTopic pastes each topic's error texts the way a
// user would: as is, shouted, with punctuation, inside a longer message.
func TestEveryErrorTextFindsItsTopic(t *testing.T) {
	variants := []func(string) string{
		func(e string) string { return e },
		strings.ToUpper,
		func(e string) string { return "Error: " + e + "!" },
		func(e string) string { return "I get \"" + strings.ToLower(e) + "\" every morning since Monday" },
	}
	n := 0
	for _, topic := range All() {
		for _, e := range topic.Errors {
			for _, v := range variants {
				n++
				q := v(e)
				r := Resolve(q)
				if !r.Found() || r.Best().ID != topic.ID {
					t.Errorf("Resolve(%q) = %q; want %s", q, r.Best().ID, topic.ID)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no error texts in any topic")
	}
}

// articleStepOrder are the places the article's Solution walks through, in
// its order: the menu, the EDIT icon, the green help button (which is on the
// edit screen, so it can only come after the EDIT icon) and Validate & Save.
var articleStepOrder = []struct {
	name  string
	marks []string
}{
	{"the menu", []string{"Accounts -> Trading Accounts"}},
	{"the EDIT icon", []string{"EDIT icon", "edit your trading account"}},
	{"the green help button", []string{"big green help button"}},
	{"Validate & Save", []string{"Validate & Save"}},
}

// TestStepsFollowArticleOrder: in every list of steps, what the article
// puts in order stays in that order, and the green help button is never
// sent for before the edit screen is open.
func TestStepsFollowArticleOrder(t *testing.T) {
	for _, topic := range All() {
		var lists [][]string
		var cur []string
		for _, b := range topic.Blocks() {
			if b.Kind != Step {
				if cur != nil {
					lists = append(lists, cur)
					cur = nil
				}
				continue
			}
			cur = append(cur, b.Text)
		}
		if cur != nil {
			lists = append(lists, cur)
		}
		for li, steps := range lists {
			text := strings.Join(steps, "\n")
			last, lastName := -1, ""
			for pi, place := range articleStepOrder {
				at := -1
				for _, m := range place.marks {
					if i := strings.Index(text, m); i >= 0 && (at < 0 || i < at) {
						at = i
					}
				}
				if at < 0 {
					if pi == 1 && strings.Contains(text, "big green help button") {
						t.Errorf("topic %s, step list %d: the green help button without the EDIT icon before it; the button is on the edit screen", topic.ID, li+1)
					}
					continue
				}
				if at < last {
					t.Errorf("topic %s, step list %d: %s comes before %s; the article has them the other way round", topic.ID, li+1, place.name, lastName)
				}
				last, lastName = at, place.name
			}
		}
	}
}
