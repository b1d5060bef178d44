-- Images that check must refuse (a missing file, a file that is not an
-- image, a PNG cut short) beside two that are good: the same good file
-- named twice is read once.
return case {
  id = "check-images", version = "1", title = "Images", start = "look",
  results = {
    { name = "ECG", value = "see the trace", image = { file = "images/good.png", alt = "A flat line." } },
    { name = "Chest X-ray", value = "see the film",
      image = { file = "images/missing.png", alt = "A film that is not there." } },
  },
  nodes = {
    look = {
      text = "Look at the pictures.",
      image = { file = "images/not_an_image.png", alt = "Text named as a picture." },
      results = {
        { name = "Photograph", value = "see the photograph",
          image = { file = "images/truncated.png", alt = "A photograph cut short." } },
        { name = "ECG again", value = "the same trace", image = { file = "images/good.png", alt = "A flat line." } },
      },
      next = "done",
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
