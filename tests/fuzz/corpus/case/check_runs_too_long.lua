-- A case function that never returns: the text of a node on one path.
return case {
  id = "check-runs-too-long", version = "1", title = "Too long", start = "pick",
  nodes = {
    pick = {
      text = "Pick one.",
      decision = {
        options = {
          { id = "fine", label = "Fine", next = "done" },
          { id = "spin", label = "Spin", next = "spinning" },
        },
      },
    },
    spinning = {
      text = function(s)
        local n = 0
        while true do n = n + 1 end
      end,
      next = "done",
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
