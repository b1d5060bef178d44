table.move({}, 1, 1 << 53, 1)
return case { id = "move" }
