//===- XmlText.h - Text made safe for XML and SVG ---------------*- C++ -*-===//
//
// Escapes text for an XML attribute or element (SVG titles, JUnit reports).
// Program output can hold anything, so bytes that are not valid UTF-8 are
// replaced and control characters XML 1.0 forbids are dropped: one stray
// byte must not make a whole report unreadable.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_RUNNER_XMLTEXT_H
#define RACELAB_RUNNER_XMLTEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <string>

namespace racelab {

inline std::string xmlEscape(llvm::StringRef Text) {
  std::string Valid = llvm::json::isUTF8(Text) ? Text.str() : llvm::json::fixUTF8(Text);
  std::string Out;
  Out.reserve(Valid.size());
  for (char C : Valid) {
    switch (C) {
    case '<': Out += "&lt;"; break;
    case '>': Out += "&gt;"; break;
    case '&': Out += "&amp;"; break;
    case '"': Out += "&quot;"; break;
    case '\'': Out += "&apos;"; break;
    default:
      if (static_cast<unsigned char>(C) >= 0x20 || C == '\n' || C == '\t' || C == '\r')
        Out += C;
    }
  }
  return Out;
}

} // namespace racelab

#endif
