"""gongwen: Chinese official documents (公文) as .docx, laid out to GB/T 9704-2012."""
