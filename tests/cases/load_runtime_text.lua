-- Text that case functions return at play time gets the loader's checks:
-- UTF-8, no NUL byte, and the limit on copied text.
return case {
  id = "runtime-text", version = "1", title = "t", start = "a",
  nodes = {
    a = { text = function(s) return "Caf\233 au lait" end, next = "c" },
    b = { text = "", next = function(s) return "c\0x" end },
    c = { text = "", ending = { outcome = "good" } },
    d = { text = "", decision = { options = {
      { id = "o", label = function(s) return "Give\0 now" end, next = "c" } } } },
    e = { text = function(s) return string.rep("x", 17 * 1024 * 1024) end, next = "c" },
  },
}
