package org.lotflow.console.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.security.SignerConfirmation;
import org.lotflow.shared.Refusal;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The signers awaiting confirmation, for administrators ({@code /console/signers}): every user whose password an
 * administrator set (a new user's first one, a reset) and who may not sign or record quality work until they set their
 * own and an administrator other than the one who set it confirms their identity (21 CFR 11.100(b)); a
 * <i>Confirm identity</i> button once they set their own ({@code POST /api/security/users/{id}/signer-confirmation}'s
 * use case, {@link SignerConfirmation#confirm}). New user 2026-12-06 M10: the confirmation had no screen, and took a
 * REST call. Anyone else: the refusal's own page (403), as the API.
 */
@Controller
class SignerPages {

    private final SignerConfirmation confirmation;

    SignerPages(SignerConfirmation confirmation) {
        this.confirmation = confirmation;
    }

    @GetMapping("/console/signers")
    String list(Model model) {
        model.addAttribute("awaiting", confirmation.awaiting());
        return "console/signers";
    }

    @AllowedGroups(value = {Groups.ADMIN}, work = "confirm a signer's identity")
    @PostMapping("/console/signers/{userId}/confirmation")
    String confirm(@PathVariable String userId, Model model, HttpServletResponse response) {
        try {
            confirmation.confirm(userId);
            return "redirect:/console/signers?confirmed=" + userId;
        } catch (Refusal e) {
            response.setStatus(FormErrors.refused(e, model));
            return list(model);
        }
    }
}
