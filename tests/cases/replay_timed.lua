-- Fixture for test_replay: the decisions whose actions a replay must put
-- back in time order: after_initial advice with every rating asked, a time
-- limit and feedback; a narrative node; on_request advice; and vitals drawn
-- from the session's random numbers (s.random), so that only the seed the
-- log gives replays them.
return case {
  id = "replay-timed",
  version = "1.0",
  title = "Replay: actions at times a window takes them",
  vitals = { hr = 100, sbp = 120, dbp = 80, rr = 18, spo2 = 97, temp = 37.0, avpu = "A" },
  ai = { name = "TestTool", version = "1" },
  start = "first",
  nodes = {
    first = {
      text = "A patient.",
      decision = {
        options = {
          { id = "a", label = "A", next = "middle" },
          { id = "b", label = "B", next = "middle" },
        },
        best = { "a" },
        advice = { recommend = "b", confidence = 0.7, message = "B.", timing = "after_initial" },
        ask = { trust = true, confidence = true, rationale = "override" },
        time_limit = 60,
        on_timeout = "middle",
        feedback = "A was right.",
      },
    },
    middle = {
      text = "Later.",
      vitals = function(s)
        return { hr = s.random(40, 180), sbp = s.random(70, 200), rr = s.random(8, 40) }
      end,
      next = "second",
    },
    second = {
      text = "Again.",
      decision = {
        options = {
          { id = "a", label = "A" },
          { id = "b", label = "B" },
        },
        best = { "a" },
        next = "done",
        advice = { recommend = "a", confidence = 0.6, message = "A.", timing = "on_request" },
        ask = { trust = true, rationale = "always" },
      },
    },
    done = { text = "Home.", ending = { outcome = "good", summary = "Home." } },
  },
}
