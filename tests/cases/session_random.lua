-- Fixture for test_session: math.random in routing, vitals, the clock,
-- advice and text, and state kept in s, so that two sessions of one case
-- sharing a generator, an `s`, a current node or a clock would each log
-- something else than alone.
return case {
  id = "session-random",
  version = "1",
  title = "Random rounds",
  vitals = { hr = 80, rr = 16, spo2 = 97, sbp = 120, temp = 37.0, avpu = "A" },
  start = "round",
  nodes = {
    round = {
      text = function(s) return "Round " .. s.vars.round .. ": roll " .. math.random(1, 6) end,
      elapsed = function(s) return math.random(1, 10) end,
      vitals = function(s) return { hr = math.random(50, 150) } end,
      on_enter = function(s) s.vars.round = (s.vars.round or 0) + 1 end,
      debrief = "The advice was a coin toss.",
      decision = {
        prompt = "Watch or treat?",
        options = {
          { id = "watch", label = "Watch" },
          { id = "treat", label = "Treat" },
        },
        best = { "treat" },
        advice = {
          recommend = function(s) return math.random() < 0.5 and "watch" or "treat" end,
          confidence = 0.7,
          timing = "with_case",
        },
        next = function(s, choice)
          if s.vars.round >= 4 then
            return choice == "treat" and "good" or "bad"
          end
          if choice == "treat" then math.random() end -- a draw only on this branch
          return s.random(1, 2) == 1 and "round" or "pause"
        end,
      },
    },
    pause = {
      text = function(s) return "Pause " .. math.random(100) end,
      elapsed = function(s) return math.random(1, 3) end,
      next = "round",
    },
    good = { text = "Better.", ending = { outcome = "good" } },
    bad = { text = "Worse.", ending = { outcome = "harm" } },
  },
}
