-- The loader rejects this: an image outside the case's folder.
return case {
  id = "check-image-outside", version = "1", title = "Image outside", start = "a",
  results = {
    { name = "ECG", value = "abnormal",
      image = { file = "../cases/images/ecg.png", alt = "A 12-lead ECG." } },
  },
  nodes = {
    a = { text = "A.", ending = { outcome = "good" } },
  },
}
