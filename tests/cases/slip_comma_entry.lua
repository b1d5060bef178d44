-- A list entry without the comma at the end of its line.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  tags = {
    "cardiology"
    "ai-advice",
  },
  nodes = {
    a = { text = "A man of 70 with chest pain.", ending = { outcome = "good" } },
  },
}
