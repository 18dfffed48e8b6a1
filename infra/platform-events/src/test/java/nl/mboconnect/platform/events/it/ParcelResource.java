package nl.mboconnect.platform.events.it;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import nl.mboconnect.platform.service.ProblemException;

/** An HTTP face for the test service, to see the shared error handling and security at work. */
@RestController
@RequestMapping("/api/parcels")
class ParcelResource {

    private final ParcelApplication.Parcels parcels;

    ParcelResource(ParcelApplication.Parcels parcels) {
        this.parcels = parcels;
    }

    record NewParcel(@NotBlank String id, @NotBlank String destination, @Positive int weightGrams) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NewParcel send(@Valid @RequestBody NewParcel parcel) {
        parcels.send(parcel.id(), parcel.destination());
        return parcel;
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("hasRole('beheerder')")
    void giveBack(@PathVariable String id) {
        throw new ProblemException(HttpStatus.CONFLICT, "parcel-delivered", "Parcel already delivered",
                "Parcel " + id + " was delivered and cannot be returned.");
    }

    @GetMapping("/broken")
    String broken() {
        throw new IllegalStateException("secret internal detail");
    }
}
