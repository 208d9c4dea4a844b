package broker

import "testing"

// TestLookup finds each broker by its id, display name, aliases and
// spellings traders type.
func TestLookup(t *testing.T) {
	tests := []struct{ name, want string }{
		{"zerodha", "zerodha"}, {"Zerodha", "zerodha"}, {"KITE", "zerodha"}, {"kite connect", "zerodha"},
		{"upstox", "upstox"},
		{"Angel One", "angelone"}, {"angelone", "angelone"}, {"angel", "angelone"}, {"Angel-One", "angelone"}, {"SmartAPI", "angelone"},
		{"dhan", "dhan"}, {"DhanHQ", "dhan"},
		{"FYERS", "fyers"},
		{"shoonya", "shoonya"}, {"Finvasia", "shoonya"},
		{"Alice Blue", "aliceblue"}, {"aliceblue", "aliceblue"},
		{"Kotak Neo", "kotakneo"}, {"kotak", "kotakneo"},
		{"5paisa", "5paisa"}, {"Five Paisa", "5paisa"},
		{"ICICI Direct", "icicidirect"}, {"breeze", "icicidirect"},
		{"flattrade", "flattrade"},
		{"Motilal Oswal", "motilal"}, {"groww", "groww"},
	}
	for _, tt := range tests {
		b, ok := Lookup(tt.name)
		if !ok || b.ID != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.name, b.ID, ok, tt.want)
		}
	}
	for _, name := range []string{"", "zerodah", "robinhood", " "} {
		if b, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) = %q; want none", name, b.ID)
		}
	}
}

// TestCatalogue: ids are unique and lower case, no name belongs to two
// brokers, and the key lengths are the ones base32 keys have.
func TestCatalogue(t *testing.T) {
	owner := make(map[string]string)
	for _, b := range All() {
		if b.ID == "" || b.Name == "" || fold(b.ID) != b.ID {
			t.Errorf("broker %+v: the id must be folded and the name given", b)
		}
		for _, n := range b.Names() {
			if other, taken := owner[fold(n)]; taken && other != b.ID {
				t.Errorf("name %q belongs to %s and %s", n, other, b.ID)
			}
			owner[fold(n)] = b.ID
		}
		if b.KeyLength != 0 && (b.KeyLength < 16 || b.KeyLength%8 == 1 || b.KeyLength%8 == 3 || b.KeyLength%8 == 6) {
			t.Errorf("%s: key length %d is not one a base32 key has", b.ID, b.KeyLength)
		}
	}
	if len(owner) == 0 || (Broker{}).Known() {
		t.Fatal("empty catalogue")
	}
}

// TestFind finds the one broker a text names, as whole words.
func TestFind(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Zerodha key I copied: 2MWUFXBV54BYVSEH", "zerodha"},
		{"Invalid TOTP since 9:15 on Dhan, my key is the same as yesterday", "dhan"},
		{"I use Angel One smart api", "angelone"},
		{"FYERS", "fyers"},
		{"Shoonya by Finvasia", "shoonya"},
		{"login to kite fails", "zerodha"},
		{"moved from Zerodha to Upstox", ""},
		{"my key does not work", ""},
		{"a neo-classical ant", ""},
		{"dhanush", ""},
	}
	for _, tt := range tests {
		b, ok := Find(tt.text)
		if b.ID != tt.want || ok != (tt.want != "") {
			t.Errorf("Find(%q) = %q, %v; want %q", tt.text, b.ID, ok, tt.want)
		}
	}
}

// TestFindAllocates nothing: --lines looks up the issuer of every otpauth
// link it reads.
func TestFindAllocates(t *testing.T) {
	Find("warm up the index")
	if n := testing.AllocsPerRun(100, func() { Find("Zerodha Kite") }); n != 0 {
		t.Errorf("Find allocates %v times; want 0", n)
	}
}
