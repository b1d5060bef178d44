-- Feedback whose option ids are only known in play: checked on entry.
return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = {
      text = "",
      decision = {
        options = function(s) return { { id = "m", label = "M", next = "b" } } end,
        feedback = { n = "n is not an option" },
      },
    },
    b = {
      text = "",
      decision = {
        options = { { id = "o", label = "O", next = "c" } },
        feedback = function(s) return { o = 3 } end,
      },
    },
    c = { text = "", ending = { outcome = "good" } },
  },
}
