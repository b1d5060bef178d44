-- A case that never ends under `--policy first`: its first option leads into
-- a loop of nodes that each take a while to enter, so that a test can kill
-- the process in the middle of a session however loaded the machine is
-- (tests/test_crash.c). The second option reaches the ending.
local function busy(s)
  local x = 0
  for i = 1, 2000000 do x = x + i % 7 end
  s.vars.x = x
end
return case {
  id = "crash-slow", version = "2", title = "Slow nodes", start = "a",
  vitals = { hr = 80, sbp = 120, rr = 16, spo2 = 97, temp = 36.8, avpu = "A" },
  nodes = {
    a = { text = "", decision = {
      options = { { id = "x", label = "X", next = "b" }, { id = "y", label = "Y", next = "done" } },
      best = { "x" }, advice = { recommend = "y", confidence = 0.7, timing = "with_case" },
      ask = { trust = true } } },
    b = { text = "", next = "slow1" },
    slow1 = { text = "", on_enter = busy, next = "slow2" },
    slow2 = { text = "", on_enter = busy, next = "slow1" },
    done = { text = "", ending = { outcome = "good" } },
  },
}
