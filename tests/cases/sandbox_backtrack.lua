local found = (("a"):rep(26)):find(("a?"):rep(26) .. ("a"):rep(26))
return case { id = "x", version = "1", title = "t", start = "a", nodes = { a = { text = "", ending = { outcome = "good" } } } }
