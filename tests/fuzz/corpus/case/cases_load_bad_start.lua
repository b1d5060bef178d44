return case {
  id = "x", version = "1", title = "t",
  start = "arival",
  nodes = { arrival = { text = "", ending = { outcome = "good" } } },
}
