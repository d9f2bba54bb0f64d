/**
 * The pacta grammar as a chevrotain CstParser (LL(k), no backtracking). One instance is built
 * at load time and reused for every parse. `grammar/pacta.ebnf` documents the same rules and a
 * test keeps the two in step; `grammar/diagrams.html` is generated from this parser.
 */
import { CstParser, type CstNode, type TokenType } from "chevrotain";
import * as T from "./tokens.ts";

const K = T.K;
function k(word: string): TokenType {
  const t = K[word];
  if (!t) throw new Error(`internal: no keyword token "${word}"`);
  return t;
}

/** The parser; call `reset` by setting `input`, then a rule (`file`). */
export class PactaParser extends CstParser {
  constructor() {
    // Chevrotain's grammar validations cost a third of a `pacta check`; they find mistakes in the
    // grammar, not in agreements, so they run under the test suite (VITEST) and when asked.
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 5,
      nodeLocationTracking: "full",
      skipValidations: !validateGrammar(),
    });
    this.performSelfAnalysis();
  }

  // ------------------------------------------------------------ files
  public file = this.RULE("file", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.agreement) }, { ALT: () => this.SUBRULE(this.amendment) }]);
  });

  public agreement = this.RULE("agreement", () => {
    this.CONSUME(k("agreement"));
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => this.CONSUME(T.Provenance));
    this.MANY(() => this.SUBRULE(this.agreementHeader));
    this.MANY2(() => this.SUBRULE(this.declaration));
  });

  public agreementHeader = this.RULE("agreementHeader", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k("series"));
          this.CONSUME(T.StringLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("dated"));
          this.CONSUME(k("as"));
          this.CONSUME(k("of"));
          this.CONSUME(T.DateLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("party"));
          this.CONSUME2(T.StringLiteral);
          this.CONSUME2(k("as"));
          this.CONSUME3(T.StringLiteral);
        },
      },
      { ALT: () => this.SUBRULE(this.textItem) },
    ]);
  });

  public declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.calendar) },
      { ALT: () => this.SUBRULE(this.indexDecl) },
      { ALT: () => this.SUBRULE(this.loanGroup) },
      { ALT: () => this.SUBRULE(this.classDecl) },
      { ALT: () => this.SUBRULE(this.definition) },
      { ALT: () => this.SUBRULE(this.section) },
      { ALT: () => this.SUBRULE(this.provision) },
    ]);
  });

  // ------------------------------------------------------------ deal terms
  public calendar = this.RULE("calendar", () => {
    this.CONSUME(k("calendar"));
    this.OPTION(() => this.CONSUME(T.Provenance));
    this.MANY(() => this.SUBRULE(this.calendarItem));
  });

  public calendarItem = this.RULE("calendarItem", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k("cut-off"));
          this.CONSUME(k("date"));
          this.CONSUME(T.DateLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("closing"));
          this.CONSUME2(k("date"));
          this.CONSUME2(T.DateLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("first"));
          this.CONSUME(k("Distribution"));
          this.CONSUME(k("Date"));
          this.CONSUME3(T.DateLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(k("Distribution"));
          this.CONSUME(k("Dates"));
          this.CONSUME(k("on"));
          this.CONSUME(k("day"));
          this.CONSUME(T.NumberLiteral);
          this.CONSUME(k("of"));
          this.CONSUME(k("each"));
          this.CONSUME(k("month"));
          this.OPTION(() => {
            this.CONSUME(T.Comma);
            this.CONSUME(k("or"));
            this.CONSUME(k("the"));
            this.CONSUME(k("next"));
            this.CONSUME(k("Business"));
            this.CONSUME(k("Day"));
          });
        },
      },
    ]);
  });

  public indexDecl = this.RULE("indexDecl", () => {
    this.CONSUME(k("index"));
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => this.CONSUME(T.Provenance));
    this.CONSUME(k("assumed"));
    this.SUBRULE(this.annualRate);
    this.OPTION2(() => this.SUBRULE(this.textItem));
  });

  public annualRate = this.RULE("annualRate", () => {
    this.CONSUME(T.PercentLiteral);
    this.CONSUME(k("per"));
    this.CONSUME(k("annum"));
  });

  public loanGroup = this.RULE("loanGroup", () => {
    this.CONSUME(k("loan"));
    this.CONSUME(k("group"));
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => this.CONSUME(T.Provenance));
    this.MANY(() => this.SUBRULE(this.groupItem));
  });

  public groupItem = this.RULE("groupItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.textItem) },
      {
        ALT: () => {
          this.CONSUME(k("cut-off"));
          this.CONSUME(k("balance"));
          this.CONSUME(T.MoneyLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("mortgage"));
          this.CONSUME(k("rate"));
          this.SUBRULE(this.annualRate);
          this.OR2([{ ALT: () => this.CONSUME(k("fixed")) }, { ALT: () => this.SUBRULE(this.adjustableTerms) }]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("servicing"));
          this.CONSUME(k("fee"));
          this.SUBRULE2(this.annualRate);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("remaining"));
          this.CONSUME(k("term"));
          this.CONSUME(T.NumberLiteral);
          this.CONSUME(k("months"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("prepayment"));
          this.CONSUME(k("assumption"));
          this.SUBRULE(this.prepaymentSpec);
        },
      },
    ]);
  });

  public adjustableTerms = this.RULE("adjustableTerms", () => {
    this.CONSUME(k("adjustable"));
    this.CONSUME(k("at"));
    this.CONSUME(k("index"));
    this.CONSUME(T.StringLiteral);
    this.CONSUME(k("plus"));
    this.SUBRULE(this.annualRate);
    this.CONSUME(T.Comma);
    this.CONSUME(k("first"));
    this.CONSUME(k("adjustment"));
    this.CONSUME(k("after"));
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(k("months"));
    this.CONSUME2(T.Comma);
    this.CONSUME(k("then"));
    this.CONSUME(k("every"));
    this.CONSUME2(T.NumberLiteral);
    this.CONSUME2(k("months"));
    this.CONSUME3(T.Comma);
    this.CONSUME(k("periodic"));
    this.CONSUME(k("cap"));
    this.SUBRULE2(this.annualRate);
    this.CONSUME4(T.Comma);
    this.CONSUME(k("lifetime"));
    this.CONSUME2(k("cap"));
    this.SUBRULE3(this.annualRate);
    this.CONSUME5(T.Comma);
    this.CONSUME(k("floor"));
    this.SUBRULE4(this.annualRate);
  });

  public prepaymentSpec = this.RULE("prepaymentSpec", () => {
    this.CONSUME(T.PercentLiteral);
    this.OR([
      { ALT: () => this.CONSUME(k("CPR")) },
      {
        ALT: () => {
          this.CONSUME(k("PPC"));
          this.CONSUME(T.Comma);
          this.CONSUME(k("rising"));
          this.CONSUME(k("from"));
          this.CONSUME2(T.PercentLiteral);
          this.CONSUME2(k("CPR"));
          this.CONSUME(k("to"));
          this.CONSUME3(T.PercentLiteral);
          this.CONSUME3(k("CPR"));
          this.CONSUME(k("over"));
          this.CONSUME(T.NumberLiteral);
          this.CONSUME(k("months"));
        },
      },
    ]);
  });

  public classDecl = this.RULE("classDecl", () => {
    this.CONSUME(k("class"));
    this.CONSUME(T.ClassName);
    this.OPTION(() => this.CONSUME(T.Provenance));
    this.MANY(() => this.SUBRULE(this.classItem));
  });

  public classItem = this.RULE("classItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.textItem) },
      {
        ALT: () => {
          this.CONSUME(k("group"));
          this.CONSUME(T.StringLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("original"));
          this.CONSUME(k("certificate"));
          this.CONSUME(k("principal"));
          this.CONSUME(k("balance"));
          this.CONSUME(T.MoneyLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("notional"));
          this.CONSUME(k("amount"));
          this.CONSUME(k("means"));
          this.SUBRULE(this.expr);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("pass-through"));
          this.CONSUME(k("rate"));
          this.SUBRULE(this.additive);
          this.OPTION(() => {
            this.CONSUME(T.Comma);
            this.CONSUME(k("capped"));
            this.CONSUME(k("at"));
            this.SUBRULE2(this.additive);
          });
          this.CONSUME2(T.Comma);
          this.CONSUME(T.DayCount);
        },
      },
      { ALT: () => this.CONSUME(k("residual")) },
      { ALT: () => this.SUBRULE(this.rounding) },
    ]);
  });

  // ------------------------------------------------------------ provisions
  public textItem = this.RULE("textItem", () => {
    this.CONSUME(k("text"));
    this.CONSUME(T.StringLiteral);
  });

  public readingItem = this.RULE("readingItem", () => {
    this.CONSUME(k("reading"));
    this.CONSUME(T.StringLiteral);
  });

  public rounding = this.RULE("rounding", () => {
    this.CONSUME(k("rounded"));
    this.OR([
      { ALT: () => this.CONSUME(k("half-up")) },
      { ALT: () => this.CONSUME(k("half-even")) },
      { ALT: () => this.CONSUME(k("down")) },
      { ALT: () => this.CONSUME(k("up")) },
    ]);
    this.CONSUME(k("to"));
    this.CONSUME(k("the"));
    this.OR2([{ ALT: () => this.CONSUME(k("cent")) }, { ALT: () => this.CONSUME(k("dollar")) }]);
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.CONSUME(k("odd"));
      this.CONSUME(k("cents"));
      this.OR3([
        {
          ALT: () => {
            this.CONSUME(k("by"));
            this.CONSUME(k("largest"));
            this.CONSUME(k("remainder"));
          },
        },
        {
          ALT: () => {
            this.CONSUME2(k("to"));
            this.CONSUME2(k("the"));
            this.CONSUME(k("first"));
            this.CONSUME(k("class"));
          },
        },
      ]);
    });
  });

  public definition = this.RULE("definition", () => {
    this.CONSUME(k("definition"));
    this.CONSUME(T.StringLiteral);
    this.SUBRULE(this.definitionBody);
  });

  public definitionBody = this.RULE("definitionBody", () => {
    this.OPTION(() => this.CONSUME(T.Provenance));
    this.OPTION2(() => this.SUBRULE(this.textItem));
    this.OPTION3(() => this.SUBRULE(this.readingItem));
    this.OPTION4(() => this.SUBRULE(this.rounding));
    this.CONSUME(k("means"));
    this.SUBRULE(this.expr);
  });

  public section = this.RULE("section", () => {
    this.CONSUME(k("section"));
    this.CONSUME(T.ProvisionRef);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.OPTION2(() => this.CONSUME(T.Provenance));
    this.OPTION3(() => {
      this.CONSUME(k("from"));
      this.CONSUME2(T.StringLiteral);
    });
    this.OPTION4(() => this.SUBRULE(this.textItem));
    this.MANY(() => this.SUBRULE(this.clause));
    this.OPTION5(() => {
      this.CONSUME(k("remainder"));
      this.OPTION6(() => this.CONSUME(T.ClauseLabel));
      this.CONSUME(k("to"));
      this.CONSUME(k("class"));
      this.CONSUME(T.ClassName);
      this.OPTION7(() => this.SUBRULE2(this.textItem));
    });
  });

  public clause = this.RULE("clause", () => {
    this.CONSUME(k("clause"));
    this.CONSUME(T.ClauseLabel);
    this.SUBRULE(this.clauseBody);
  });

  public clauseBody = this.RULE("clauseBody", () => {
    this.OPTION(() => this.CONSUME(T.Provenance));
    this.OPTION2(() => this.SUBRULE(this.textItem));
    this.OPTION3(() => this.SUBRULE(this.readingItem));
    this.OPTION4(() => {
      this.CONSUME(k("when"));
      this.SUBRULE(this.expr);
    });
    this.OPTION5(() => this.SUBRULE(this.rounding));
    this.OR([{ ALT: () => this.SUBRULE(this.payAction) }, { ALT: () => this.SUBRULE(this.writeDownAction) }]);
  });

  public payAction = this.RULE("payAction", () => {
    this.CONSUME(k("pay"));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k("interest"));
          this.CONSUME(k("due"));
          this.CONSUME(k("to"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("basis"));
          this.CONSUME(k("risk"));
          this.CONSUME(k("shortfall"));
          this.CONSUME(k("carry-forward"));
          this.CONSUME2(k("to"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("unpaid"));
          this.CONSUME(k("realized"));
          this.CONSUME(k("losses"));
          this.CONSUME3(k("to"));
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.additive);
          this.OPTION(() => {
            this.CONSUME(k("as"));
            this.OR2([{ ALT: () => this.CONSUME(k("principal")) }, { ALT: () => this.CONSUME2(k("interest")) }]);
          });
          this.CONSUME4(k("to"));
        },
      },
    ]);
    this.SUBRULE(this.recipients);
    this.OPTION2(() => {
      this.CONSUME(k("until"));
      this.CONSUME(k("reduced"));
      this.CONSUME5(k("to"));
      this.CONSUME(k("zero"));
    });
  });

  public writeDownAction = this.RULE("writeDownAction", () => {
    this.CONSUME(k("write"));
    this.CONSUME(k("down"));
    this.SUBRULE(this.additive);
    this.CONSUME(k("from"));
    this.SUBRULE(this.recipients);
  });

  public recipients = this.RULE("recipients", () => {
    this.SUBRULE(this.recipientStep);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME(k("then"));
      this.SUBRULE2(this.recipientStep);
    });
  });

  public recipientStep = this.RULE("recipientStep", () => {
    this.SUBRULE(this.classList);
    this.OPTION(() => this.SUBRULE(this.allocation));
  });

  public classList = this.RULE("classList", () => {
    this.OR([
      { ALT: () => this.CONSUME(k("class")) },
      { ALT: () => this.CONSUME(k("classes")) },
      { ALT: () => this.CONSUME(k("Class")) },
      { ALT: () => this.CONSUME(k("Classes")) },
    ]);
    this.CONSUME(T.ClassName);
    // The list ends where the next token after a comma or "and" is not a class: what follows the
    // list (", then classes …", a boolean "and") is outside this rule, so the lookahead is gated.
    this.MANY({
      GATE: () => this.LA(2).tokenType === T.ClassName,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.CONSUME2(T.ClassName);
      },
    });
    this.OPTION({
      GATE: () =>
        (this.LA(1).tokenType === k("and") && this.LA(2).tokenType === T.ClassName) ||
        (this.LA(2).tokenType === k("and") && this.LA(3).tokenType === T.ClassName),
      DEF: () => {
        this.OPTION2(() => this.CONSUME2(T.Comma)); // a serial comma: "A-1, A-2, and M-1"
        this.CONSUME(k("and"));
        this.CONSUME3(T.ClassName);
      },
    });
  });

  public allocation = this.RULE("allocation", () => {
    this.OR([
      { ALT: () => this.CONSUME(k("sequentially")) },
      {
        ALT: () => {
          this.CONSUME(k("pro"));
          this.CONSUME(k("rata"));
          this.OPTION(() => {
            this.CONSUME(k("by"));
            this.OR2([
              { ALT: () => this.CONSUME(k("balance")) },
              {
                ALT: () => {
                  this.CONSUME(k("amount"));
                  this.CONSUME(k("due"));
                },
              },
            ]);
          });
        },
      },
    ]);
  });

  public provision = this.RULE("provision", () => {
    this.CONSUME(k("provision"));
    this.CONSUME(T.ProvisionRef);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.OPTION2(() => this.CONSUME(T.Provenance));
    this.SUBRULE(this.textItem);
  });

  // ------------------------------------------------------------ amendments
  public amendment = this.RULE("amendment", () => {
    this.CONSUME(k("amendment"));
    this.CONSUME(T.StringLiteral);
    this.CONSUME(k("to"));
    this.CONSUME2(T.StringLiteral);
    this.CONSUME(k("dated"));
    this.CONSUME(T.DateLiteral);
    this.OPTION(() => {
      this.CONSUME(k("pursuant"));
      this.CONSUME2(k("to"));
      this.CONSUME(T.ProvisionRef);
    });
    this.OPTION2(() => this.SUBRULE(this.textItem));
    this.MANY(() => this.SUBRULE(this.item));
  });

  public item = this.RULE("item", () => {
    this.CONSUME(k("item"));
    this.CONSUME(T.NumberLiteral);
    this.OPTION(() => this.SUBRULE(this.textItem));
    this.OPTION2(() => this.SUBRULE(this.readingItem));
    this.OPTION3(() => this.SUBRULE(this.patch));
  });

  public patch = this.RULE("patch", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k("replace"));
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(k("definition"));
                this.CONSUME(T.StringLiteral);
                this.SUBRULE(this.effective);
                this.SUBRULE(this.definitionBody);
              },
            },
            {
              ALT: () => {
                this.CONSUME(k("clause"));
                this.CONSUME(T.ProvisionRef);
                this.SUBRULE2(this.effective);
                this.SUBRULE(this.clauseBody);
              },
            },
            {
              ALT: () => {
                this.CONSUME(k("provision"));
                this.CONSUME2(T.ProvisionRef);
                this.SUBRULE3(this.effective);
                this.OPTION(() => this.CONSUME2(T.StringLiteral));
                this.OPTION2(() => this.CONSUME(T.Provenance));
                this.SUBRULE(this.textItem);
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("insert"));
          this.OR3([
            {
              ALT: () => {
                this.CONSUME2(k("definition"));
                this.CONSUME3(T.StringLiteral);
                this.SUBRULE4(this.effective);
                this.SUBRULE2(this.definitionBody);
              },
            },
            {
              ALT: () => {
                this.CONSUME2(k("clause"));
                this.CONSUME3(T.ProvisionRef);
                this.OR5([{ ALT: () => this.CONSUME(k("after")) }, { ALT: () => this.CONSUME(k("before")) }]);
                this.CONSUME4(T.ProvisionRef);
                this.SUBRULE5(this.effective);
                this.SUBRULE2(this.clauseBody);
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("delete"));
          this.OR4([
            {
              ALT: () => {
                this.CONSUME3(k("definition"));
                this.CONSUME4(T.StringLiteral);
                this.SUBRULE6(this.effective);
              },
            },
            {
              ALT: () => {
                this.CONSUME3(k("clause"));
                this.CONSUME5(T.ProvisionRef);
                this.SUBRULE7(this.effective);
              },
            },
          ]);
        },
      },
    ]);
  });

  public effective = this.RULE("effective", () => {
    this.CONSUME(k("effective"));
    this.OR([
      { ALT: () => this.CONSUME(T.DateLiteral) },
      {
        ALT: () => {
          this.CONSUME(k("as"));
          this.CONSUME(k("of"));
          this.CONSUME(k("the"));
          this.CONSUME(k("date"));
          this.CONSUME(k("hereof"));
        },
      },
    ]);
  });

  // ------------------------------------------------------------ expressions
  public expr = this.RULE("expr", () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(k("or"));
      this.SUBRULE2(this.andExpr);
    });
  });

  public andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(k("and"));
      this.SUBRULE2(this.notExpr);
    });
  });

  public notExpr = this.RULE("notExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k("not"));
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  public comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.SUBRULE(this.compareOp);
      this.SUBRULE2(this.additive);
    });
  });

  public compareOp = this.RULE("compareOp", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k("is"));
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(k("less"));
                this.CONSUME(k("than"));
              },
            },
            {
              ALT: () => {
                this.CONSUME(k("greater"));
                this.CONSUME2(k("than"));
              },
            },
            {
              ALT: () => {
                this.CONSUME(k("equal"));
                this.CONSUME(k("to"));
              },
            },
            {
              ALT: () => {
                this.CONSUME(k("at"));
                this.OR3([{ ALT: () => this.CONSUME(k("least")) }, { ALT: () => this.CONSUME(k("most")) }]);
              },
            },
          ]);
        },
      },
      { ALT: () => this.CONSUME(k("equals")) },
      { ALT: () => this.CONSUME(k("exceeds")) },
      { ALT: () => this.CONSUME(T.LessEq) },
      { ALT: () => this.CONSUME(T.GreaterEq) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.Greater) },
    ]);
  });

  public additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(k("plus")) },
        { ALT: () => this.CONSUME(k("minus")) },
        { ALT: () => this.CONSUME(T.PlusSign) },
        { ALT: () => this.CONSUME(T.MinusSign) },
      ]);
      this.SUBRULE2(this.multiplicative);
    });
  });

  public multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(k("times")) },
        {
          ALT: () => {
            this.CONSUME(k("divided"));
            this.CONSUME(k("by"));
          },
        },
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.Slash) },
        { ALT: () => this.CONSUME(k("of")) }, // "2.00% of the Cut-off Date Balance"
      ]);
      this.SUBRULE2(this.unary);
    });
  });

  public unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.MinusSign);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  public primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.MoneyLiteral) },
      {
        ALT: () => {
          this.CONSUME(T.PercentLiteral);
          this.OPTION(() => {
            this.CONSUME(k("per"));
            this.CONSUME(k("annum"));
          });
        },
      },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      // "1.25" lexes as a provision number (Section 1.25); in a formula it is a number.
      { GATE: () => !this.LA(1).image.includes("("), ALT: () => this.CONSUME3(T.ProvisionRef) },
      { ALT: () => this.CONSUME(T.DateLiteral) },
      { ALT: () => this.CONSUME(k("true")) },
      { ALT: () => this.CONSUME(k("false")) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      {
        ALT: () => {
          this.CONSUME(k("index"));
          this.CONSUME2(T.StringLiteral);
        },
      },
      { ALT: () => this.SUBRULE(this.listFunction) },
      {
        ALT: () => {
          this.OPTION3(() => this.CONSUME3(k("the")));
          this.CONSUME(k("excess"));
          this.OPTION4(() => {
            this.CONSUME2(T.Comma);
            this.CONSUME2(k("if"));
            this.CONSUME(k("any"));
            this.CONSUME3(T.Comma);
          });
          this.CONSUME(k("of"));
          this.SUBRULE(this.additive);
          this.CONSUME(k("over"));
          this.SUBRULE2(this.additive);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("available"));
          this.CONSUME(k("at"));
          this.CONSUME(T.ProvisionRef);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("paid"));
          this.CONSUME2(k("at"));
          this.CONSUME2(T.ProvisionRef);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("prior"));
          this.CONSUME3(T.StringLiteral);
          this.OPTION2({
            GATE: () => this.LA(2).tokenType === k("initially"),
            DEF: () => {
              this.CONSUME(T.Comma);
              this.CONSUME(k("initially"));
              this.SUBRULE(this.unary); // one value: `prior "X", initially $0 plus Y` adds Y to the prior value
            },
          });
        },
      },
      { ALT: () => this.SUBRULE(this.collateralField) },
      { ALT: () => this.SUBRULE(this.classField) },
      {
        ALT: () => {
          this.CONSUME(k("Distribution"));
          this.CONSUME(k("Date"));
          this.CONSUME(k("number"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("day"));
          this.CONSUME(k("count"));
          this.CONSUME(k("fraction"));
          this.CONSUME(T.DayCount);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("on"));
          this.CONSUME(k("or"));
          this.CONSUME(k("after"));
          this.OR6([
            {
              ALT: () => {
                this.CONSUME(k("the"));
                this.SUBRULE(this.ordinal);
                this.CONSUME2(k("Distribution"));
                this.CONSUME2(k("Date"));
              },
            },
            { ALT: () => this.CONSUME2(T.DateLiteral) }, // on or after 2005-02-25
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("before"));
          this.OR7([
            {
              ALT: () => {
                this.CONSUME2(k("the"));
                this.SUBRULE2(this.ordinal);
                this.CONSUME3(k("Distribution"));
                this.CONSUME3(k("Date"));
              },
            },
            { ALT: () => this.CONSUME3(T.DateLiteral) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("if"));
          this.SUBRULE(this.expr);
          this.CONSUME(k("then"));
          this.SUBRULE2(this.expr);
          this.OR8([
            { ALT: () => this.CONSUME(k("else")) },
            // "otherwise" reads as "else", unless it opens the `otherwise:` of a schedule
            { GATE: () => this.LA(2).tokenType !== T.Colon, ALT: () => this.CONSUME(k("otherwise")) },
          ]);
          this.SUBRULE3(this.expr);
        },
      },
      { ALT: () => this.SUBRULE(this.cases) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE4(this.expr);
          this.CONSUME(T.RParen);
        },
      },
    ]);
  });

  public listFunction = this.RULE("listFunction", () => {
    this.OPTION2(() => this.CONSUME(k("the"))); // "the lesser of", as agreements write it
    this.OR([
      { ALT: () => this.CONSUME(k("lesser")) },
      { ALT: () => this.CONSUME(k("greater")) },
      { ALT: () => this.CONSUME(k("sum")) },
    ]);
    this.CONSUME(k("of"));
    this.SUBRULE(this.listArgument);
    this.MANY(() => {
      this.OR2([
        {
          ALT: () => {
            this.CONSUME(T.Comma);
            this.OPTION(() => this.CONSUME(k("and"))); // a serial comma: "A, B, and C"
          },
        },
        { ALT: () => this.CONSUME2(k("and")) },
      ]);
      this.SUBRULE2(this.listArgument);
    });
  });

  public listArgument = this.RULE("listArgument", () => {
    this.OPTION(() => this.CONSUME(T.ClauseLabel));
    this.SUBRULE(this.additive);
  });

  public cases = this.RULE("cases", () => {
    this.AT_LEAST_ONE(() => {
      this.CONSUME(k("for"));
      this.SUBRULE(this.periodSelector);
      this.CONSUME(T.Colon);
      this.SUBRULE(this.expr);
    });
    this.CONSUME(k("otherwise"));
    this.CONSUME2(T.Colon);
    this.SUBRULE2(this.expr);
  });

  public periodSelector = this.RULE("periodSelector", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k("the"));
          this.CONSUME(k("first"));
          this.OPTION(() => this.SUBRULE(this.cardinal));
          this.CONSUME(k("Distribution"));
          this.OR2([{ ALT: () => this.CONSUME(k("Date")) }, { ALT: () => this.CONSUME(k("Dates")) }]);
        },
      },
      {
        // the thirteenth Distribution Date
        ALT: () => {
          this.CONSUME3(k("the"));
          this.OR4([{ ALT: () => this.CONSUME(T.OrdinalWord) }, { ALT: () => this.CONSUME(T.OrdinalNumber) }]);
          this.CONSUME4(k("Distribution"));
          this.CONSUME3(k("Date"));
        },
      },
      {
        ALT: () => {
          this.CONSUME2(k("Distribution"));
          this.CONSUME2(k("Dates"));
          this.OR3([
            {
              ALT: () => {
                this.CONSUME(T.NumberLiteral);
                this.CONSUME(k("through"));
                this.CONSUME2(T.NumberLiteral);
              },
            },
            {
              ALT: () => {
                this.CONSUME(k("on"));
                this.CONSUME(k("or"));
                this.CONSUME(k("after"));
                this.CONSUME2(k("the"));
                this.SUBRULE(this.ordinal);
                this.OPTION2(() => {
                  this.CONSUME3(k("Distribution"));
                  this.CONSUME2(k("Date"));
                });
              },
            },
          ]);
        },
      },
    ]);
  });

  public cardinal = this.RULE("cardinal", () => {
    this.OR([{ ALT: () => this.CONSUME(T.CardinalWord) }, { ALT: () => this.CONSUME(T.NumberLiteral) }]);
  });

  public ordinal = this.RULE("ordinal", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.OrdinalWord) },
      { ALT: () => this.CONSUME(T.OrdinalNumber) },
      { ALT: () => this.CONSUME(k("first")) },
    ]);
  });

  public collateralField = this.RULE("collateralField", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k("stated"));
          this.CONSUME(k("principal"));
          this.CONSUME(k("balance"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("cut-off"));
          this.CONSUME2(k("balance"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("scheduled"));
          this.CONSUME2(k("principal"));
        },
      },
      {
        ALT: () => {
          this.CONSUME3(k("principal"));
          this.CONSUME(k("prepayments"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("net"));
          this.CONSUME(k("liquidation"));
          this.CONSUME(k("proceeds"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("realized"));
          this.CONSUME(k("losses"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("interest"));
          this.CONSUME(k("collections"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("servicing"));
          this.CONSUME(k("fee"));
        },
      },
      {
        ALT: () => {
          this.CONSUME2(k("net"));
          this.CONSUME(k("mortgage"));
          this.CONSUME(k("rate"));
        },
      },
    ]);
    this.CONSUME(k("of"));
    this.CONSUME(k("group"));
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(k("after"));
      this.CONSUME(k("distributions"));
    });
  });

  public classField = this.RULE("classField", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k("certificate"));
          this.CONSUME(k("principal"));
          this.CONSUME(k("balance"));
          this.CONSUME(k("of"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("original"));
          this.CONSUME2(k("certificate"));
          this.CONSUME2(k("principal"));
          this.CONSUME2(k("balance"));
          this.CONSUME2(k("of"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("interest"));
          this.CONSUME(k("due"));
          this.CONSUME(k("on"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("basis"));
          this.CONSUME(k("risk"));
          this.CONSUME(k("shortfall"));
          this.CONSUME(k("carry-forward"));
          this.CONSUME3(k("of"));
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("unpaid"));
          this.CONSUME(k("realized"));
          this.CONSUME(k("losses"));
          this.CONSUME4(k("of"));
        },
      },
    ]);
    this.SUBRULE(this.classList);
    this.OPTION(() => {
      this.CONSUME(k("after"));
      this.CONSUME(k("distributions"));
    });
  });
}

/** The shared parser instance. */
export const parser = new PactaParser();

/** The CST of a file, as produced by the `file` rule. */
export type FileCst = CstNode;

/** Whether chevrotain should validate the grammar when the parser and lexer are built: under tests, or with PACTA_VALIDATE_GRAMMAR=1. */
export function validateGrammar(): boolean {
  return process.env["VITEST"] !== undefined || process.env["PACTA_VALIDATE_GRAMMAR"] === "1";
}
