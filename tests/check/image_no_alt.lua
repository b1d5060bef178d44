-- The loader rejects this: an image without its description.
return case {
  id = "check-image-no-alt", version = "1", title = "Image without alt", start = "a",
  nodes = {
    a = { text = "A.", image = { file = "images/good.png" }, ending = { outcome = "good" } },
  },
}
