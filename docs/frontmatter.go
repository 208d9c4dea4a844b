package docs

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Errors of the topic file format. They are wrapped with the file and line.
var (
	errNoFrontMatter = errors.New("missing front matter: the file must start with a line \"---\"")
	errUnclosed      = errors.New("front matter is not closed by a line \"---\"")
	errBadLine       = errors.New("front matter line is not \"key: value\"")
	errUnknownKey    = errors.New("unknown front matter key")
	errDuplicateKey  = errors.New("front matter key given twice")
	errBadID         = errors.New("id must be lower-case letters and digits joined by single dashes")
	errNoTitle       = errors.New("title is missing")
	errBadList       = errors.New("list must be written [a, \"b\", …]")
	errEmptyBody     = errors.New("topic has no body")
	errNotUTF8       = errors.New("topic is not valid UTF-8")
	errUnclosedQuote = errors.New("quoted text has no closing quote")
)

// validTopicID reports whether id is lower-case letters and digits joined
// by single dashes: "key-vs-code".
func validTopicID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return false
	}
	for _, c := range []byte(id) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// parseTopic reads one topic file: front matter between two "---" lines
// (keys id, title, verdict, aliases, errors), then the Markdown body.
func parseTopic(data []byte) (Topic, error) {
	if !utf8.Valid(data) {
		return Topic{}, errNotUTF8
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\uFEFF")
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return Topic{}, errNoFrontMatter
	}
	var t Topic
	seen := make(map[string]bool)
	for lineNo := 2; ; lineNo++ {
		line, after, found := strings.Cut(rest, "\n")
		if !found && line == "" {
			return Topic{}, errUnclosed
		}
		rest = after
		if strings.TrimRight(line, " \t") == "---" {
			break
		}
		if !found {
			return Topic{}, errUnclosed
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		key, value, ok := strings.Cut(trimmed, ":")
		if !ok {
			return Topic{}, fmt.Errorf("line %d: %w", lineNo, errBadLine)
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if seen[key] {
			return Topic{}, fmt.Errorf("line %d: %w: %q", lineNo, errDuplicateKey, key)
		}
		seen[key] = true
		var err error
		switch key {
		case "id":
			t.ID, err = parseScalar(value)
			if err == nil && !validTopicID(t.ID) {
				err = fmt.Errorf("%w: %q", errBadID, t.ID)
			}
		case "title":
			t.Title, err = parseScalar(value)
		case "verdict":
			t.Verdict, err = parseScalar(value)
		case "aliases":
			t.Aliases, err = parseList(value)
		case "errors":
			t.Errors, err = parseList(value)
		default:
			err = fmt.Errorf("%w %q", errUnknownKey, key)
		}
		if err != nil {
			return Topic{}, fmt.Errorf("line %d: %w", lineNo, err)
		}
	}
	if t.ID == "" {
		return Topic{}, fmt.Errorf("%w: id is missing", errBadID)
	}
	if strings.TrimSpace(t.Title) == "" {
		return Topic{}, errNoTitle
	}
	t.Body = strings.TrimSpace(rest)
	if t.Body == "" {
		return Topic{}, errEmptyBody
	}
	t.Body += "\n"
	return t, nil
}

// parseScalar reads a value that is either bare text or one quoted string.
func parseScalar(value string) (string, error) {
	if value == "" || (value[0] != '"' && value[0] != '\'') {
		return value, nil
	}
	s, rest, err := parseQuoted(value)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(rest) != "" {
		return "", fmt.Errorf("text after the closing quote: %q", rest)
	}
	return s, nil
}

// parseList reads a flow list: [a, "b, c", 'd']. Bare items end at a comma.
func parseList(value string) ([]string, error) {
	inner, ok := strings.CutPrefix(value, "[")
	if !ok {
		return nil, errBadList
	}
	inner, ok = strings.CutSuffix(inner, "]")
	if !ok {
		return nil, errBadList
	}
	var items []string
	rest := strings.TrimSpace(inner)
	for rest != "" {
		var item string
		if rest[0] == '"' || rest[0] == '\'' {
			var err error
			item, rest, err = parseQuoted(rest)
			if err != nil {
				return nil, err
			}
			rest = strings.TrimSpace(rest)
		} else {
			i := strings.IndexByte(rest, ',')
			if i < 0 {
				i = len(rest)
			}
			item, rest = strings.TrimSpace(rest[:i]), rest[i:]
		}
		if item == "" {
			return nil, fmt.Errorf("%w: empty item", errBadList)
		}
		items = append(items, item)
		if rest == "" {
			break
		}
		after, ok := strings.CutPrefix(rest, ",")
		if !ok {
			return nil, fmt.Errorf("%w: expected a comma before %q", errBadList, rest)
		}
		rest = strings.TrimSpace(after)
		if rest == "" {
			return nil, fmt.Errorf("%w: trailing comma", errBadList)
		}
	}
	return items, nil
}

// parseQuoted reads a string that starts with a double or single quote. In
// double quotes, \" and \\ are escapes; single quotes have none.
func parseQuoted(s string) (value, rest string, err error) {
	quote := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote:
			return b.String(), s[i+1:], nil
		case c == '\\' && quote == '"' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\'):
			b.WriteByte(s[i+1])
			i++
		default:
			b.WriteByte(c)
		}
	}
	return "", "", errUnclosedQuote
}
