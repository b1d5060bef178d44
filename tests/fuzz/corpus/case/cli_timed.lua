-- A case for the runner's tests: a 30 s time limit whose timeout leads
-- straight to an ending, and a choice that leads to another.
return case {
  id = "cli-timed",
  version = "1.0",
  title = "Timed test case",
  start = "call",
  nodes = {
    call = {
      text = "The monitor alarms.",
      decision = {
        options = {
          { id = "shock", label = "Shock", next = "saved" },
          { id = "cpr", label = "Continue CPR", next = "saved" },
        },
        time_limit = 30,
        on_timeout = "lost",
      },
    },
    saved = { text = "ROSC.", ending = { outcome = "good", summary = "ROSC." } },
    lost = { text = "Lost.", ending = { outcome = "harm", summary = "Too late." } },
  },
}
