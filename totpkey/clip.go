package totpkey

// clip shortens s to at most n runes for a message, so that a long (possibly
// secret) value is never echoed in full.
func clip(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}
