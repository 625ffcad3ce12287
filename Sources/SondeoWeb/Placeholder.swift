/// The web form (issue 10).
enum SondeoWebPlaceholder {}
