package scan

// credentialAt returns how many tokens from toks[i] on make up a UUID
// (8-4-4-4-12 hexadecimal digits) or a JWT ("eyJ…", three parts joined by
// dots): API keys and access tokens that a ticket may carry where the TOTP
// Key was asked for. Their dashes and dots split them into several tokens,
// which no other rule joins. It returns 0 for anything else, after a byte
// or two for most tokens.
func credentialAt(line []byte, toks []scanToken, i int) int {
	t := &toks[i]
	start := int(t.start)
	end := 0
	switch {
	case t.end-t.start == 8 && start+36 <= len(line) && line[start+8] == '-':
		if !uuidBytes(line[start:start+36]) || start+36 < len(line) && wordByte(line[start+36]) {
			return 0
		}
		end = start + 36
	case line[start] == 'e' && start+3 <= len(line) && line[start+1] == 'y' && line[start+2] == 'J':
		end = jwtEnd(line, start)
		if end == 0 {
			return 0
		}
	default:
		return 0
	}
	n := 0
	for j := i; j < len(toks) && int(toks[j].end) <= end && toks[j].kind == scanTokWord; j++ {
		n++
	}
	return n
}

// uuidBytes reports whether b is 36 bytes of hexadecimal digits in groups
// 8-4-4-4-12.
func uuidBytes(b []byte) bool {
	for k, c := range b {
		switch k {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f') {
				return false
			}
		}
	}
	return true
}

// jwtEnd returns the end of a JWT starting at line[start] (three non-empty
// parts of base64url joined by dots, 20 bytes or more), or 0.
func jwtEnd(line []byte, start int) int {
	parts, partLen, k := 1, 0, start
	for ; k < len(line); k++ {
		c := line[k]
		if c == '.' {
			if partLen == 0 || parts == 3 {
				break
			}
			parts++
			partLen = 0
			continue
		}
		if !wordByte(c) && c != '-' && c != '_' {
			break
		}
		partLen++
	}
	if parts != 3 || partLen == 0 || k-start < 20 {
		return 0
	}
	return k
}

// wordByte reports whether c is an ASCII letter or digit.
func wordByte(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}
