import { describe, expect, it } from "vitest";
import { joinChineseWords, normalizeArabic, searchQueryOf, searchTextOf } from "./search-text.js";

describe("search text (issue 19)", () => {
  it("folds Arabic spelling variants to one form", () => {
    expect(normalizeArabic("المسؤول")).toBe(normalizeArabic("المسئول"));
    expect(normalizeArabic("الأَمْنُ")).toBe("الامن");
    expect(normalizeArabic("الأمـــن")).toBe("الامن");
    expect(normalizeArabic("إعلان")).toBe(normalizeArabic("اعلان"));
    expect(normalizeArabic("الدولى")).toBe("الدولي");
    expect(normalizeArabic("مبادىء")).toBe(normalizeArabic("مبادئ"));
    expect(normalizeArabic("المدينه")).toBe("المدينة");
  });

  it("splits Chinese into words and leaves other scripts alone", () => {
    expect(searchTextOf("从国际安全角度看信息和电信领域的发展")).toBe("从 国际 安全 角度 看 信息 和 电信 领域 的 发展");
    expect(searchTextOf("International security")).toBeNull();
    expect(searchTextOf("la sécurité internationale")).toBeNull();
  });

  it("makes a Chinese run in a query a phrase of its words, and only separates them inside quotes", () => {
    expect(searchQueryOf("安全")).toBe("安全");
    expect(searchQueryOf("国际安全")).toBe('"国际 安全"');
    expect(searchQueryOf('"国际安全" 决议')).toBe('" 国际 安全 " 决议');
    expect(searchQueryOf("cyber security")).toBe("cyber security");
  });

  it("takes the segmentation spaces out again for people, keeping highlight markers", () => {
    expect(joinChineseWords("从 国际 \ue000安全\ue001 角度")).toBe("从国际\ue000安全\ue001角度");
    expect(joinChineseWords("A/RES/75/240 号")).toBe("A/RES/75/240 号");
  });
});
