// Package greeter is like testfns.Greeter: {"name", "age"} in, {"message", "nextAge"} out.
package greeter

import "context"

type Person struct {
	Name string `json:"name"`
	Age  int    `json:"age"`
}

type Greeting struct {
	Message string `json:"message"`
	NextAge int    `json:"nextAge"`
}

func Handle(ctx context.Context, p *Person) (*Greeting, error) {
	if p == nil {
		return nil, nil
	}
	return &Greeting{Message: "Hello, " + p.Name, NextAge: p.Age + 1}, nil
}
