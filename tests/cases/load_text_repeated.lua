-- One 1 MiB string repeated 400 times in objectives: Lua holds it once, but
-- the engine copied each entry (400 MiB). Copies now count against a limit
-- of their own (16 MiB), so the load stops at the 16th entry.
local big = string.rep("x", 1024 * 1024)
local list = {}
for i = 1, 400 do list[i] = big end
return case {
  id = "x", version = "1", title = "t", start = "a",
  objectives = list,
  nodes = { a = { text = "", ending = { outcome = "good" } } },
}
