"""취업활동계획(IAP) draft and 상담일지 summary of a counseling thread (Markdown in chat, .md and .docx downloads)."""
