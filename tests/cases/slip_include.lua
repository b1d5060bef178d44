-- The case is fine; the file it includes misses a comma.
local part = include("slip_part")
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = { a = part },
}
