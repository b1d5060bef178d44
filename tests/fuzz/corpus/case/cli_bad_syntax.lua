return case {
  id = "cli-bad",
  version = "1.0"
  title = "Missing comma above",
}
