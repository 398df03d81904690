// ../generatedSize.test.ts again, through Microsoft's Office.js client (@microsoft/office-js) replaying onto the fake.
import "./useOfficeJs";
import "../generatedSize.test";
