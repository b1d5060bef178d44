-- Tables nested 65 levels deep, one more than the source map keeps frames
-- for: the case loads, and keys after the deep table keep their lines.
return case {
  id = "deep", version = "1", title = "Deep", start = "a",
  x_deep = {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}},
  nodes = {
    a = { text = "", ending = { outcome = "good" } },
  },
}
