// Package bad has a Handle of the wrong signature: the host refuses it at start.
package bad

func Handle(input string) string {
	return input
}
