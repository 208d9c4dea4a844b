// Command linked links everything totpkey links and runs none of it: its
// start-up is the runtime's and the package initialisers' alone, what
// totpkey pays before its command tree is built. See ../run.sh.
package main

import _ "github.com/totpkey/totpkey/cmd/internal/root"

func main() {}
