-- A tool whose key is long: the limitation that names a variant is still
-- said at its own line, however long its key path.
return case {
  id = "check-teach-long-tool-key", version = "1", title = "Fever", start = "look",
  variants = { "framing_a", "framing_b" },
  ai = {
    a_tool_with_a_key_long_enough_to_pass_any_fixed_buffer_a_tool_with_a_key_long_enough_to_pass_any_fixed_buffer_ = { name = "Score", version = "1", kind = "risk score",
      limitations = { "Adults only",
                      "Not tested in the framing_b group" } },
    other = { name = "Other", version = "1", kind = "risk score" },
  },
  nodes = {
    look = { text = "Look at him.", next = "done" },
    done = { text = "", ending = { outcome = "good" } },
  },
}
