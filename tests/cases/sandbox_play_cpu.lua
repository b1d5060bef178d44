-- Each variant makes one library function do work that the instruction
-- budget alone never saw (no VM instructions, no memory), at play time. The
-- session must stop at that variant's line, within seconds.
local big = nil -- made on demand: a 16 MiB text
local function sixteen() big = big or ("a"):rep(16 << 20) return big end
local attacks = {
  rep_huge = function() return string.rep("", 1 << 62) end,
  rep_1e9 = function() return string.rep("", 1e9) end,
  move = function() return table.move({}, 1, 1 << 53, 1) end,
  find_scan = function() local s = sixteen() for i = 1, 4000 do s:find("b", 1, true) end end,
  backtrack = function() return (("a"):rep(26)):find(("a?"):rep(26) .. ("a"):rep(26)) end,
  lazy = function() return (("a"):rep(2000)):find(".-.-.-b") end,
  gsub_scan = function() local s = sixteen() for i = 1, 4000 do s:gsub("b", "") end end,
  gmatch_scan = function() local s = sixteen() for i = 1, 4000 do for w in s:gmatch("b") do end end end,
  utf8_len = function() local s = sixteen() for i = 1, 4000 do utf8.len(s) end end,
  codes = function() local s = ("\x80"):rep(16 << 20) for i = 1, 4000 do for p in utf8.codes(s) do end end end,
  byte = function() local s = ("a"):rep(900000) for i = 1, 4000 do s:byte(1, -1) end end,
  tonumber = function() local s = (" "):rep(16 << 20) for i = 1, 4000 do tonumber(s) end end,
  concat = function() local t = {} for i = 1, 1000000 do t[i] = "" end for i = 1, 4000 do table.concat(t) end end,
  insert = function() local t = {} for i = 1, 1000000 do t[i] = i end for i = 1, 4000 do table.insert(t, 1, i) end end,
  sort = function() local t = {} for i = 1, 1000000 do t[i] = (i * 7919) % 1000003 end for i = 1, 400 do table.sort(t) end end,
  unpack = function() local t = {} for i = 1, 900000 do t[i] = i end for i = 1, 4000 do select("#", table.unpack(t)) end end,
  gc = function() setmetatable({}, { __gc = function() while true do end end }) end,
  concat_big = function() local s = ("0123456789abcdef"):rep(1 << 18) for i = 1, 1e8 do local t = s .. "y" end end,
}
local names = {}
for name in pairs(attacks) do names[#names + 1] = name end
table.sort(names)
return case {
  id = "sandbox-play-cpu", version = "1", title = "Unbounded library work", start = "a",
  variants = names,
  nodes = {
    a = { text = function(s) attacks[s.variant]() return "ESCAPED" end, next = "b" },
    b = { text = "", ending = { outcome = "good" } },
  },
}
