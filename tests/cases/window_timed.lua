-- A case for the window's end-to-end timeout test (tests/cli/window_timeout.sh):
-- one decision with a 3 s limit whose time-out leads to an ending of its own.
return case {
  id = "window-timed",
  version = "1.0",
  title = "Timed window test case",
  start = "call",
  nodes = {
    call = {
      text = "The monitor alarms: a shockable rhythm.",
      decision = {
        prompt = "What now?",
        options = {
          { id = "shock", label = "Shock", next = "saved" },
          { id = "cpr", label = "Continue CPR", next = "saved" },
        },
        best = { "shock" },
        time_limit = 3,
        on_timeout = "lost",
      },
    },
    saved = { text = "A pulse returns.", ending = { outcome = "good", summary = "ROSC." } },
    lost = { text = "The chance passed.", ending = { outcome = "harm", summary = "Too late to shock." } },
  },
}
