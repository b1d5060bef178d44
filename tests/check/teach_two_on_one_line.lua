-- Two options outside best, written on one line, that both end only well:
-- two warnings at that line, one for each option, not one.
return case {
  id = "check-teach-two-on-one-line", version = "1", title = "One line", start = "a",
  nodes = {
    a = { text = "A.", debrief = "D.", decision = {
        options = { { id = "x", label = "X", next = "g" }, { id = "y", label = "Y", next = "g" }, { id = "z", label = "Z", next = "g2" } },
        best = { "z" }, advice = { recommend = "x" }, feedback = "F.",
    } },
    g = { text = "", ending = { outcome = "good" } },
    g2 = { text = "", ending = { outcome = "neutral" } },
  },
}
