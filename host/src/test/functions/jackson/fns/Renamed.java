package fns;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A record whose JSON names come from the function's own Jackson annotations. */
public record Renamed(@JsonProperty("first_name") String firstName, @JsonIgnore String secret) {}
