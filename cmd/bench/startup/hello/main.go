// Command hello is the floor of start-up time: a Go program that prints one
// line. See ../run.sh.
package main

import "fmt"

func main() { fmt.Println("hello") }
