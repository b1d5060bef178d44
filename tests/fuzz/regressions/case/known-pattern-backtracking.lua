local s = ("a"):rep(26)
string.find(s, ("a?"):rep(26) .. ("a"):rep(26))
return case { id = "pattern" }
