local s = string.rep("", 1 << 62)
return case { id = "rep" }
