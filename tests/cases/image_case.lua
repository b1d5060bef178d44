-- A case with images (test_ui_image.c): one on the first node, one on a
-- result known from the start, and one on a result that is missing.
return case {
  id = "image-case", version = "1", title = "Images in the window", start = "look",
  results = {
    { name = "ECG", value = "see the trace",
      image = { file = "images/wide.png", alt = "A wide green test picture, three times as wide as it is tall." } },
  },
  nodes = {
    look = {
      text = "Look at the picture, then choose.",
      image = { file = "images/wide.png", alt = "The same wide green picture." },
      decision = {
        prompt = "Which way?",
        options = {
          { id = "a", label = "This way", next = "done" },
          { id = "b", label = "That way", next = "gone" },
        },
      },
    },
    gone = {
      text = "A film was taken.",
      results = {
        { name = "Chest film", value = "see the film",
          image = { file = "images/missing.png", alt = "A chest film that is not there." } },
      },
      next = "done",
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
