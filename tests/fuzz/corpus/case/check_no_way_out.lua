-- Two decisions that only lead to each other: once in, no path ends.
return case {
  id = "check-no-way-out", version = "1", title = "No way out", start = "choose",
  nodes = {
    choose = {
      text = "Which way?",
      decision = {
        options = {
          { id = "home", label = "Home", next = "done" },
          { id = "maze", label = "Into the maze", next = "left" },
        },
      },
    },
    left = {
      text = "Left turn.",
      decision = { options = { { id = "on", label = "On", next = "right" } } },
    },
    right = {
      text = "Right turn.",
      decision = { options = { { id = "on", label = "On", next = "left" },
                               { id = "back", label = "Back", next = "right" } } },
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
