-- scenarios/examples/smallest-case.lua
-- The smallest case that loads: five required keys and one node.
return case {
  id = "example-smallest",
  version = "0.1",
  title = "Ankle injury",
  start = "arrival",
  nodes = {
    arrival = {
      text = "A 34-year-old woman has twisted her right ankle playing netball.",
      ending = { outcome = "neutral", summary = "Nothing happens yet: this is a start." },
    },
  },
}
