// Package qrdraw draws the images that totpkey's QR tests, testscripts and
// benchmarks feed to the decoder, so that no binary image is committed: QR
// codes as a broker's setup page renders them, the ways a resize, a photo or
// a dark theme changes them, and phone screenshots to lay them on.
//
// Every function is deterministic: the same arguments give the same pixels.
// The functions that take an *image.Gray expect it to start at (0, 0), as
// every image this package makes does. The package is for tests and
// benchmarks only, and never prints.
package qrdraw
