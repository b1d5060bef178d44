return case { nodes = { a = { text = "unterminated
