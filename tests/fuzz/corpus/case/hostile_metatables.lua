-- Metatables on the case table, a shared table and a string key with odd bytes.
local shared = { text = "Shared", next = "b" }
local t = setmetatable({}, { __index = function(t, k) return nil end })
return case(setmetatable({
  id = "meta", version = "1", title = "Meta", start = "a",
  vitals = { hr = 80, sbp = 120, rr = 16, spo2 = 97, temp = 36.8, avpu = "A" },
  nodes = {
    a = shared,
    b = { text = "x\0y", ending = { outcome = "good" } },
  },
}, { __index = t }))
