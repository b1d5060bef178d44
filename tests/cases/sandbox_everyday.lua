-- Everyday uses of the charged library functions keep working, and cheaply
-- (test_sandbox loads this with a budget of 5 million instructions).
local function trim(x) return (x:gsub("^%s*(.-)%s*$", "%1")) end
local text = ("Patient reports central chest pain, 45 min. "):rep(2) -- 88 characters
assert(trim("  " .. text .. "  ") == text:sub(1, -2), "trim")
assert(trim("  Mary Smith ") == "Mary Smith", "trim a name")
assert(("sepsis-ed"):match("^[a-z0-9][a-z0-9-]*$"), "an id")
assert(not ("Sepsis ED"):match("^[a-z0-9][a-z0-9-]*$"), "not an id")
local first, last = ("Mary Smith"):match("^(%u%l+) (%u%l+)$")
assert(first == "Mary" and last == "Smith", "names")
assert(text:find("chest pain", 1, true) == 25, "plain find")
assert(select(2, text:gsub("%s+", " ")) == 14, "collapse spaces")
local labs = ("K=4.1;Na=139;Hb=121;"):rep(100) -- 2,000 characters
local n = 0
for k, v in labs:gmatch("(.-)=(.-);") do n = n + 1 end
assert(n == 300, "key=value pairs")
n = 0
for k, v in labs:gmatch("(%w+)=([%d%.]+)") do n = n + 1 end
assert(n == 300, "key=number pairs")
local notes = ("A line of the nursing notes, about forty chars.\n"):rep(100) -- 4,800 characters
n = 0
for line in notes:gmatch("[^\n]+") do n = n + 1 end
assert(n == 100, "lines")
n = 0
for line in notes:gmatch("(.-)\n") do n = n + 1 end
assert(n == 100, "lines, lazily")
assert(("call (a (b) c) now"):match("%b()") == "(a (b) c)", "balanced")
assert(string.format("%d/%d mmHg, %.1f C", 120, 80, 37.25) == "120/80 mmHg, 37.2 C", "format")
assert(("abc"):upper() == "ABC" and ("ABC"):lower() == "abc" and ("abc"):reverse() == "cba", "case")
assert(#string.rep("-", 40) == 40 and string.rep("ab", 3, ",") == "ab,ab,ab", "rep")
assert(("abc"):byte(1, -1) == 97 and string.char(104, 105) == "hi", "bytes")
local list = {}
for i = 1, 100 do list[i] = (i * 37) % 101 end
table.sort(list)
assert(list[1] == 1 and list[100] == 100, "sort")
table.sort(list, function(a, b) return a > b end)
assert(list[1] == 100, "sort with a comparator")
table.insert(list, 1, 0)
table.insert(list, 5)
assert(table.remove(list, 1) == 0 and table.remove(list) == 5, "insert and remove")
assert(table.concat({ "a", "b", "c" }, ", ") == "a, b, c", "concat")
assert(select("#", table.unpack({ 1, 2, 3 })) == 3 and table.pack(1, 2).n == 2, "pack")
assert(#table.move({ 1, 2, 3 }, 1, 3, 2, {}) == 4, "move")
assert(utf8.len("café") == 4 and utf8.char(233) == "é" and utf8.codepoint("é") == 233, "utf8")
n = 0
for p, c in utf8.codes("naïve") do n = n + 1 end
assert(n == 5 and utf8.offset("naïve", 4) == 5, "utf8 codes")
assert(tonumber("42") == 42 and tonumber("ff", 16) == 255 and rawequal("a", "a"), "base")
local proto = setmetatable({}, { __index = { kind = "proto" } })
assert(proto.kind == "proto", "a metatable without __gc")
return case { id = "x", version = "1", title = "t", start = "a", nodes = { a = { text = "", ending = { outcome = "good" } } } }
