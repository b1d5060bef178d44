-- One advised decision, reached in two states (the text differs by the path
-- to it): the AI right there is one decision, not two.
return case {
  id = "check-ai-right-two-states", version = "1", title = "Two states", start = "a",
  nodes = {
    a = { text = "A.", decision = {
        options = { { id = "x", label = "X", next = "bx" }, { id = "y", label = "Y", next = "by" } },
    } },
    bx = { text = "Bx.", set = { k = 1 }, next = "b" },
    by = { text = "By.", set = { k = 2 }, next = "b" },
    b = { text = function(s) return "B" .. s.vars.k end, debrief = "D.", decision = {
        options = { { id = "p", label = "P", next = "g" }, { id = "q", label = "Q", next = "h" } },
        best = { "p" }, advice = { recommend = "p" }, feedback = "F.",
    } },
    g = { text = "", ending = { outcome = "good" } },
    h = { text = "", ending = { outcome = "neutral" } },
  },
}
